// A searchable picker over the source organisations (where an activity's data comes from
// when the people did not give it themselves). Holds the organisation's id; spread a
// form's `bindSelect("sourceOrganisationId")` onto it.
import type { InputContainer } from "../../../components/RecordMarks";
import { ReferenceSelect } from "../../../components/ReferenceSelect";
import type { SourceOrganisation } from "../../../ipc";
import { useSourceOrganisations } from "../../sources/queries";

export interface SourceOrganisationSelectProps {
  /** The organisation's id, or null for none. */
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  "data-testid"?: string;
  /** The field's marks beside the input (see RecordMarks), from the form's binding. */
  inputContainer?: InputContainer;
  label: string;
  description: string;
}

function sourceOption(source: SourceOrganisation) {
  return { value: source.id, label: source.name };
}

/** A link to an organisation that was deleted (or is still loading) stays visible as such. */
function notInRegister() {
  return "A source organisation no longer on record";
}

export function SourceOrganisationSelect(props: SourceOrganisationSelectProps) {
  return (
    <ReferenceSelect
      {...props}
      query={useSourceOrganisations()}
      toOption={sourceOption}
      unknownLabel={notInRegister}
      loadingPlaceholder="Loading the source organisations…"
      placeholder="Type to search by name"
      nothingFoundMessage="No source organisation matches"
      loadFailed="The source organisations could not be loaded"
      clearLabel="Remove the link to the source organisation"
    />
  );
}
