"""The comment's change form: the third way to approve, held to the queue's rule."""

from django import forms
from django.core.exceptions import ValidationError

from .models import Comment


class CommentChangeForm(forms.ModelForm):
    confirm_approval = forms.BooleanField(
        required=False,
        label="Approve this spam suspect anyway",
        help_text="It was held as a spam suspect (see Spam checks); approving shows it to every "
        "reader at once.",
    )

    class Meta:
        model = Comment
        fields = ["status"]

    def clean(self):
        cleaned = super().clean() or {}
        # The row buttons and the bulk action ask before approving a suspect; so does this form.
        if (
            self.instance.is_spam_suspect
            and cleaned.get("status") == Comment.Status.APPROVED
            and "status" in self.changed_data
            and not cleaned.get("confirm_approval")
        ):
            raise ValidationError(
                "This comment is a spam suspect: tick “Approve this spam suspect anyway” to "
                "approve it, or choose another status."
            )
        return cleaned
