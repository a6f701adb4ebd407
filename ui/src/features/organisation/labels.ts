// The organisation profile form's labels by field, as the history names the fields.
import type { FieldLabels } from "../../components/historyText";

export const ORGANISATION_FIELD_LABELS: FieldLabels = {
  legalName: "Legal name",
  address: "Address",
  contactEmail: "Contact email",
  dpoName: "DPO name",
  dpoContact: "DPO contact",
  euRepresentative: "EU representative",
  supervisoryAuthority: "Supervisory authority",
};
