// A searchable picker over the recipients register, for the records that name the same
// organisation as a recipient (a source organisation, a website's third party). Holds the
// recipient's id; spread a form's `bindSelect("recipientId")` onto it.
import type { InputContainer } from "../../components/RecordMarks";
import { ReferenceSelect } from "../../components/ReferenceSelect";
import type { Recipient } from "../../ipc";
import { recipientTitle } from "./labels";
import { useRecipients } from "./queries";

export interface RecipientSelectProps {
  /** The recipient's id, or null for none. */
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  "data-testid"?: string;
  /** The field's marks beside the input (see RecordMarks), from the form's binding. */
  inputContainer?: InputContainer;
  label: string;
  description: string;
}

function recipientOption(recipient: Recipient) {
  return { value: recipient.id, label: recipientTitle(recipient) };
}

/** A link to a recipient that was deleted (or is still loading) stays visible as such. */
function notInRegister() {
  return "A recipient no longer in the register";
}

export function RecipientSelect(props: RecipientSelectProps) {
  return (
    <ReferenceSelect
      {...props}
      query={useRecipients()}
      toOption={recipientOption}
      unknownLabel={notInRegister}
      loadingPlaceholder="Loading the recipients…"
      placeholder="Not in the register: type to search by name"
      nothingFoundMessage="No recipient matches"
      loadFailed="The recipients could not be loaded"
      clearLabel="Remove the link to the recipient"
    />
  );
}
