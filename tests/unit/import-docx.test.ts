/**
 * Importing plans written in Word: real .docx files, made here with the `docx` package and read by
 * the importer through mammoth, one in each format. Each has a cover (title and date paragraphs,
 * an introduction), a table with the five columns, a bullet list, a numbered list, and a row
 * continued after a "page break" (a second row whose first cells are empty) that cuts a paragraph.
 */
import matter from 'gray-matter';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/load.ts';
import { importPlan } from '../../src/import/index.ts';
import { CONCERNS_HEADER, makeDocx, RECOMMENDATIONS_HEADER } from '../fixtures/import/make-docx.ts';

const RETRIEVED = '2025-03-01';
const readMatter = (text: string) => matter(text, { engines: { yaml: (s: string) => YAML.parse(s) as object } });

const THEMES = `themes:
  - id: safety
    label: Safety
    description: Keeping prisoners safe.
    area: safety
`;

/** The draft with a theme added to every concern, validated with the given establishment. */
function validateWithThemes(text: string, establishment: { id: string; name: string }, planId: string) {
  return validateContent([
    ['themes.yaml', THEMES],
    [`establishments/${establishment.id}.yaml`, `id: ${establishment.id}\nname: ${establishment.name}\n`],
    [`plans/${establishment.id}/${planId}.md`, text.replace(/themes: \[\] # CHECK: add themes[^\n]*/g, 'themes: [safety]')],
  ]);
}

describe('a Word plan in the concerns format (2022 onwards)', async () => {
  const docx = await makeDocx({
    cover: [
      { heading: 'Action Plan: HMP Testford' },
      { superscript: ['Action Plan Submitted: 3', 'rd', ' March 2023'] },
      'A Response to the HMIP Inspection: 28th November – 2nd December 2022',
      'Report Published: 14th February 2023',
      { heading: 'INTRODUCTION' },
      'HM Inspectorate of Prisons is an independent inspectorate.',
      'Action plans are sent to HMIP & published on GOV.UK.',
      'ACTION PLAN: HMCIP REPORT',
    ],
    rows: [
      CONCERNS_HEADER,
      [[], ['Priority concerns'], [], [], []],
      [
        ['1'],
        ['Too many prisoners felt unsafe. Levels of violence were'],
        [
          'The safety team will review every incident and will:',
          { bullet: 'meet weekly;' },
          { bullet: 'report to the Governor.' },
          'The Head of Safety will chair the monthly day-to-',
        ],
        ['Governor', 'Head of Safety'],
        ['June 2023', 'July 2023'],
      ],
      // The same concern continued after a page break: its first cells are empty.
      [
        [],
        ['high.'],
        ['day review of violence.', 'Listeners will be trained on every wing.'],
        ['Head of Residence'],
        ['September 2023'],
      ],
      [[], ['Key concerns'], [], [], []],
      [
        ['2'],
        ['Prisoners could not get their mail on time.'],
        ['A mail room review will cover three things:', { numbered: 'staffing;' }, { numbered: 'scanning;' }, { numbered: 'delivery times.' }],
        ['Head of Operations'],
        ['Completed'],
      ],
    ],
  });
  const result = await importPlan(docx, { fileName: 'testford.docx', retrieved: RETRIEVED, establishments: [{ id: 'testford', name: 'HMP Testford' }] });
  const draft = readMatter(result.text);

  it('is imported to the expected draft', () => {
    expect(draft.data).toEqual({
      id: 'testford-2022',
      establishment: 'testford',
      format: 'concerns',
      title: 'Action Plan: HMP Testford',
      inspection: { asWritten: '28th November – 2nd December 2022', periods: [{ start: '2022-11-28', end: '2022-12-02' }] },
      reportPublished: { asWritten: '14th February 2023', date: '2023-02-14' },
      planSubmitted: { asWritten: '3rd March 2023', date: '2023-03-03' },
      provenance: { documentTitle: 'Action Plan: HMP Testford', publisher: 'HM Prison and Probation Service', retrieved: RETRIEVED, transcription: 'complete' },
      concerns: [
        {
          number: 1,
          category: 'priority',
          text: 'Too many prisoners felt unsafe. Levels of violence were high.',
          themes: [],
          actions: [
            {
              text: 'The safety team will review every incident and will:\n\n- meet weekly;\n- report to the Governor.',
              owner: 'Governor',
              target: 'June 2023',
            },
            { text: 'The Head of Safety will chair the monthly day-to-day review of violence.', owner: 'Head of Safety', target: 'July 2023' },
            { text: 'Listeners will be trained on every wing.', owner: 'Head of Residence', target: 'September 2023' },
          ],
        },
        {
          number: 2,
          category: 'key',
          text: 'Prisoners could not get their mail on time.',
          themes: [],
          actions: [
            {
              text: 'A mail room review will cover three things:\n\n1. staffing;\n2. scanning;\n3. delivery times.',
              owner: 'Head of Operations',
              target: 'Completed',
            },
          ],
        },
      ],
    });
  });

  it('flags nothing: every join and pairing is certain', () => {
    expect(result.checks).toEqual([]);
  });

  it('keeps the introduction as the body, paragraph by paragraph', () => {
    expect(draft.content).toBe('HM Inspectorate of Prisons is an independent inspectorate.\n\nAction plans are sent to HMIP & published on GOV.UK.\n');
  });

  it('validates once themes are added', () => {
    const loaded = validateWithThemes(result.text, { id: 'testford', name: 'HMP Testford' }, 'testford-2022');
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });
});

describe('a Word plan in the older recommendations format', async () => {
  const docx = await makeDocx({
    cover: [
      'Action Plan: HMP/YOI Oldbury',
      'Action Plan Submitted 22/05/2019',
      'A Response to the HMIP Inspection 17, 18 December & 7-11 January 2019',
      'Report Published 05 April 2019',
      'INTRODUCTION',
      'The action plan confirms whether recommendations are agreed, partly agreed or not agreed.',
    ],
    rows: [
      RECOMMENDATIONS_HEADER,
      [['Main recommendations'], [], [], [], []],
      [
        ['Prisoners should be able to see a doctor promptly. (S40)'],
        ['Agreed'],
        ['Waiting times will be reviewed:', { bullet: 'for GP appointments;' }, { bullet: 'for dental appointments.' }],
        ['Head of Healthcare'],
        ['October 2019'],
      ],
      [['Safety'], [], [], [], []],
      [['Managers should review every use of force'], ['Partly Agreed'], ['All incidents will be reviewed'], ['Head of Safety'], ['June 2019']],
      // Continued after a page break: the recommendation and the action are both cut.
      [['promptly. (1.23)'], [], ['within 72 hours.', 'Body-worn cameras will be checked monthly.'], ['Head of Safety'], ['July 2019']],
      [['The segregation unit should be refurbished. (1.40)'], ['Not Agreed'], ['There is no funding for this work in 2019-20.'], [], []],
    ],
  });
  const result = await importPlan(docx, { fileName: 'oldbury.docx', retrieved: RETRIEVED, establishments: [{ id: 'oldbury', name: 'HMP/YOI Oldbury' }] });
  const draft = readMatter(result.text);

  it('is imported to the expected draft', () => {
    expect(draft.data).toEqual({
      id: 'oldbury-2018',
      establishment: 'oldbury',
      format: 'recommendations',
      title: 'Action Plan: HMP/YOI Oldbury',
      inspection: {
        asWritten: '17, 18 December & 7-11 January 2019',
        periods: [
          { start: '2018-12-17', end: '2018-12-18' },
          { start: '2019-01-07', end: '2019-01-11' },
        ],
      },
      reportPublished: { asWritten: '05 April 2019', date: '2019-04-05' },
      planSubmitted: { asWritten: '22/05/2019', date: '2019-05-22' },
      provenance: { documentTitle: 'Action Plan: HMP/YOI Oldbury', publisher: 'HM Prison and Probation Service', retrieved: RETRIEVED, transcription: 'complete' },
      concerns: [
        {
          number: 1,
          category: 'Main recommendations',
          reference: 'S40',
          text: 'Prisoners should be able to see a doctor promptly.',
          response: { decision: 'agreed' },
          themes: [],
          actions: [
            {
              text: 'Waiting times will be reviewed:\n\n- for GP appointments;\n- for dental appointments.',
              owner: 'Head of Healthcare',
              target: 'October 2019',
            },
          ],
        },
        {
          number: 2,
          category: 'Safety',
          reference: '1.23',
          text: 'Managers should review every use of force promptly.',
          response: { decision: 'partly-agreed' },
          themes: [],
          actions: [
            { text: 'All incidents will be reviewed within 72 hours.', owner: 'Head of Safety', target: 'June 2019' },
            { text: 'Body-worn cameras will be checked monthly.', owner: 'Head of Safety', target: 'July 2019' },
          ],
        },
        {
          number: 3,
          category: 'Safety',
          reference: '1.40',
          text: 'The segregation unit should be refurbished.',
          response: { decision: 'not-agreed', text: 'There is no funding for this work in 2019-20.' },
          themes: [],
          actions: [],
        },
      ],
    });
    expect(result.checks).toEqual([]);
  });

  it('validates once themes are added', () => {
    const loaded = validateWithThemes(result.text, { id: 'oldbury', name: 'HMP/YOI Oldbury' }, 'oldbury-2018');
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });
});

describe('Word tables as HMPPS lay them out', () => {
  it('reads a Rec No and concern merged down over the rows of one concern', async () => {
    const docx = await makeDocx({
      cover: ['Action Plan: HMP Testford', 'A Response to the HMIP Inspection: 5-9 June 2023', 'Report Published: 1 September 2023', 'Action Plan Submitted: 2 October 2023', 'INTRODUCTION', 'Intro.'],
      rows: [
        CONCERNS_HEADER,
        [[], ['Priority concerns'], [], [], []],
        [{ rowSpan: 2, paragraphs: ['1'] }, { rowSpan: 2, paragraphs: ['Cells were dirty.'] }, ['Cells will be'], ['Governor'], ['May 2024']],
        [['painted.', 'Showers will be fixed.'], ['Head of Estates'], ['June 2024']],
        [['2'], ['Food was cold.'], ['Trolleys will be heated.'], ['Head of Catering'], ['July 2024']],
      ],
    });
    const result = await importPlan(docx, { fileName: 'testford.docx', retrieved: RETRIEVED });
    expect(result.plan.concerns).toEqual([
      {
        number: 1,
        category: 'priority',
        text: 'Cells were dirty.',
        actions: [
          { text: 'Cells will be painted.', owner: 'Governor', target: 'May 2024' },
          { text: 'Showers will be fixed.', owner: 'Head of Estates', target: 'June 2024' },
        ],
      },
      { number: 2, category: 'priority', text: 'Food was cold.', actions: [{ text: 'Trolleys will be heated.', owner: 'Head of Catering', target: 'July 2024' }] },
    ]);
    expect(result.checks).toEqual([]);
  });

  it('skips the header row where the table repeats it (as on each new page)', async () => {
    const first = await makeDocx({
      cover: ['Action Plan: HMP Testford', 'A Response to the HMIP Inspection: 5-9 June 2023', 'Report Published: 1 September 2023', 'Action Plan Submitted: 2 October 2023', 'INTRODUCTION', 'Intro.'],
      rows: [CONCERNS_HEADER, [[], ['Priority concerns'], [], [], []], [['1'], ['A concern.'], ['An action.'], ['Governor'], ['May 2024']], CONCERNS_HEADER, [['2'], ['Another concern.'], ['Another action.'], ['Governor'], ['June 2024']]],
    });
    const result = await importPlan(first, { fileName: 'testford.docx', retrieved: RETRIEVED });
    expect(result.plan.concerns.map((c) => c.number)).toEqual([1, 2]);
    expect(result.checks).toEqual([]);
  });
});
