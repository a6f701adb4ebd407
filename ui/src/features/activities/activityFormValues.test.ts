// Tests for the activity form's values: the round trip from a saved activity to the
// command input, and the checklists held as one string each.
import { describe, expect, it } from "vitest";
import { makeActivity } from "../../test/fixtures";
import {
  ACTIVITY_FIELDS,
  activityFormValues,
  joinChoices,
  splitChoices,
  toActivityInput,
} from "./activityFormValues";
import { DPIA_CRITERION_OPTIONS, SECURITY_MEASURE_OPTIONS } from "./labels";

describe("activity form values", () => {
  it("sends a saved activity back as it is", () => {
    const {
      id: _id,
      createdAt: _created,
      updatedAt: _updated,
      base: _base,
      ...input
    } = makeActivity({
      dpiaCriteria: ["largeScale", "sensitiveData"],
      dpiaStatus: "completed",
      dpiaReference: "DPIA-1",
    });
    expect(toActivityInput(activityFormValues(makeActivity(input)))).toEqual({
      ...input,
      // In checklist order.
      dpiaCriteria: ["sensitiveData", "largeScale"],
    });
  });

  it("starts a new activity as an empty draft of the organisation's own", () => {
    expect(toActivityInput(activityFormValues(null))).toMatchObject({
      name: "",
      status: "draft",
      systems: [],
      nextReview: null,
      role: "controller",
      provisionRequirement: "notStated",
      dpiaCriteria: [],
      dpiaStatus: "notScreened",
      securityMeasures: [],
    });
  });

  it("holds a checklist in checklist order, without repeats or unknown values", () => {
    const joined = joinChoices(
      ["backups", "accessControl", "backups", "nonsense"],
      SECURITY_MEASURE_OPTIONS,
    );
    expect(joined).toBe("accessControl,backups");
    expect(splitChoices(joined, SECURITY_MEASURE_OPTIONS)).toEqual(["accessControl", "backups"]);
    expect(splitChoices("", DPIA_CRITERION_OPTIONS)).toEqual([]);
    expect(splitChoices("largeScale,bogus", DPIA_CRITERION_OPTIONS)).toEqual(["largeScale"]);
  });

  it("has an input for the checklists and for each system, for the server's messages", () => {
    const values = activityFormValues(makeActivity({ systems: ["CiviCRM", "Mailchimp"] }));
    for (const field of [
      "dpiaCriteria",
      "securityMeasures",
      "dpiaNotes",
      "systems",
      "systems[1]",
    ]) {
      expect(ACTIVITY_FIELDS.hasInput(values, field), field).toBe(true);
    }
    expect(ACTIVITY_FIELDS.hasInput(values, "systems[2]")).toBe(false);
    expect(ACTIVITY_FIELDS.hasInput(values, "purposes")).toBe(false);
  });

  it("drops the controller of an activity that is not a processor's", () => {
    const values = {
      ...activityFormValues(null),
      controllerName: "Riverside Festival",
      controllerContact: "festival@example.org",
    };
    expect(toActivityInput(values)).toMatchObject({ controllerName: "", controllerContact: "" });
    expect(toActivityInput({ ...values, role: "processor" })).toMatchObject({
      role: "processor",
      controllerName: "Riverside Festival",
      controllerContact: "festival@example.org",
    });
  });
});
