-- 0014: the controller as it is (steward-core's `controller`): the country
-- it is established in (ISO 3166-1 alpha-2, '' when not recorded) and why
-- the GDPR applies to it (Art. 3; NULL when not recorded).

ALTER TABLE organisation ADD COLUMN country    TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN gdpr_reach TEXT;
