// The transfers of personal data outside the EEA across all processing activities
// (Art. 30(1)(e), Chapter V), read-only: each row links to its activity, where transfers
// are recorded and edited.
import { Text } from "@mantine/core";
import { CountryLabel } from "../../components/CountryLabel";
import { useCountryNames } from "../../components/countries";
import type { Transfer } from "../../ipc";
import { transferMechanismLabel } from "../activities/parts/labels";
import { TiaCell } from "../activities/parts/TransferSection";
import { useRecipientNames } from "../recipients/queries";
import { AcrossActivitiesPage, NotRecorded } from "./AcrossActivitiesPage";
import { useAllTransfers } from "./queries";

export function TransfersPage() {
  const query = useAllTransfers();
  const recipientNames = useRecipientNames();
  const countryNames = useCountryNames();

  const recipientOf = (transfer: Transfer) =>
    transfer.recipientId ? (recipientNames.get(transfer.recipientId) ?? "") : "";
  const countryOf = (transfer: Transfer) => countryNames.get(transfer.country) ?? transfer.country;

  return (
    <AcrossActivitiesPage
      title="Transfers"
      subtitle="Where personal data leaves the EEA, to whom, and on which ground (Art. 30(1)(e) and Chapter V GDPR), across all processing activities."
      testId="transfers"
      plural="transfers"
      query={query}
      searchPlaceholder="Activity, recipient, country or mechanism  ( / )"
      searchTexts={(transfer) => [
        recipientOf(transfer),
        transfer.country,
        countryOf(transfer),
        transferMechanismLabel(transfer.mechanism),
      ]}
      tieBreak={(transfer) => `${countryOf(transfer)} ${recipientOf(transfer)}`}
      columns={[
        {
          header: "Recipient",
          cell: (transfer) =>
            recipientOf(transfer) ? (
              <Text size="sm">{recipientOf(transfer)}</Text>
            ) : (
              <NotRecorded />
            ),
        },
        {
          header: "Country",
          cell: (transfer) => <CountryLabel code={transfer.country} countryNames={countryNames} />,
        },
        {
          header: "Mechanism",
          cell: (transfer) =>
            transfer.mechanism ? (
              <Text size="sm">{transferMechanismLabel(transfer.mechanism)}</Text>
            ) : (
              <NotRecorded>Not decided</NotRecorded>
            ),
        },
        {
          header: "Transfer impact assessment",
          cell: (transfer) => <TiaCell transfer={transfer} />,
        },
      ]}
      empty={{
        title: "No transfers recorded yet",
        text: "Transfers are added on an activity's page, in its Transfers section: open the activity whose data goes to a country outside the EEA and record the country, the recipient and the transfer mechanism there. They are listed here together.",
      }}
      noMatch="No transfer matches the search."
    />
  );
}
