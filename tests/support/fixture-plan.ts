/** The themes file the fixture plan's concerns are tagged with. */
export const FIXTURE_THEMES = `themes:
  - id: self-harm
    label: Self-harm
    description: Self-harm and suicide prevention.
    area: safety
  - id: mental-health
    label: Mental health
    description: Mental health services and referrals.
    area: respect
  - id: living-conditions
    label: Living conditions
    description: Cells, showers, heating and repairs.
    area: respect
`;

/**
 * A small valid plan file shared by the tests that break it one way at a time. The validation
 * test names line and column numbers in it, so change it only together with that test.
 */
export const FIXTURE_PLAN = `---
id: chelmsford-2024
establishment: chelmsford
format: concerns
title: "Action Plan: HMP Chelmsford"
inspection:
  asWritten: "22nd January – 8th February 2024"
  periods:
    - start: "2024-01-22"
      end: "2024-02-08"
reportPublished:
  asWritten: "8th May 2024"
  date: "2024-05-08"
planSubmitted:
  asWritten: "11th June 2024"
  date: "2024-06-11"
provenance:
  documentTitle: "Action Plan: HMP Chelmsford"
  url: https://assets.publishing.service.gov.uk/media/chelmsford-action-plan.pdf
  publisher: HM Prison and Probation Service
  retrieved: "2024-07-01"
  transcription: complete
concerns:
  - number: 1
    category: priority
    text: The level of reported self-harm was very high.
    themes: [self-harm, mental-health]
    actions:
      - text: Screening for self-harm risk will be enhanced.
        owner: Governor
        target: July 2024
      - text: Safety officers will attend the induction wing.
        owner: Head of Safety
        target: August 2024 (For bid process)
  - number: 2
    category: key
    text: Parts of the prison were in poor repair.
    themes:
      - living-conditions
    actions:
      - text: Heating issues were resolved after the inspection.
        owner: null
        target: Completed
---
An introduction written by HMPPS.
`;
