// Tests for the labels of the activity's parts: every enum value has one, and periods and
// mechanisms read as people expect.
import { describe, expect, it } from "vitest";
import {
  ART9_CONDITION_OPTIONS,
  periodText,
  RECIPIENT_ROLE_OPTIONS,
  recipientRoleLabel,
  TRANSFER_MECHANISM_GROUPS,
  TRANSFER_MECHANISM_OPTIONS,
  transferMechanismLabel,
} from "./labels";

describe("part labels", () => {
  it("names all 18 transfer mechanisms with their article, grouped by article", () => {
    expect(TRANSFER_MECHANISM_OPTIONS).toHaveLength(18);
    expect(new Set(TRANSFER_MECHANISM_OPTIONS.map((option) => option.value)).size).toBe(18);
    expect(transferMechanismLabel("dpf")).toBe("EU-U.S. Data Privacy Framework — Art. 45");
    expect(transferMechanismLabel("sccs")).toBe("Standard contractual clauses — Art. 46(2)(c)");
    expect(transferMechanismLabel("compellingLegitimateInterests")).toBe(
      "Compelling legitimate interests — Art. 49(1), second subparagraph",
    );
    expect(transferMechanismLabel(null)).toBe("");
    expect(TRANSFER_MECHANISM_GROUPS.map((group) => group.options.length)).toEqual([2, 8, 8]);
  });

  it("names roles and Art. 9(2) conditions", () => {
    expect(RECIPIENT_ROLE_OPTIONS).toHaveLength(6);
    expect(recipientRoleLabel("jointController")).toBe("Joint controller (Art. 26)");
    expect(ART9_CONDITION_OPTIONS).toHaveLength(10);
  });

  it("reads a period in words", () => {
    expect(periodText(2, "years")).toBe("2 years");
    expect(periodText(1, "months")).toBe("1 month");
    expect(periodText(1, "days")).toBe("1 day");
    expect(periodText(null, "weeks")).toBe("");
    expect(periodText(6, null)).toBe("6");
  });
});
