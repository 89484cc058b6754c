-- IATI reporting of grants (issue 12, section 3). A partner's IATI organisation identifier and type (it reports the
-- activity); per grant the activity's identifier, the funding donor's organisation identifier and activity id (the
-- upward link the donor reads its partners' results through), and targets of released km² per quarter.
ALTER TABLE partner ADD COLUMN iati_org_id VARCHAR(100);
ALTER TABLE partner ADD COLUMN iati_org_type VARCHAR(4);
CREATE TABLE grant_reporting (
  grant_id VARCHAR(64) PRIMARY KEY REFERENCES grants(id),
  iati_identifier VARCHAR(200),
  donor_org_id VARCHAR(100),
  donor_activity_id VARCHAR(200));
-- outcome is 'released' (the total) or one of 'cancelled', 'reduced', 'cleared'; quarter is '2024-Q1'
CREATE TABLE grant_target (
  grant_id VARCHAR(64) NOT NULL REFERENCES grants(id),
  quarter VARCHAR(7) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  km2 DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (grant_id, quarter, outcome));
