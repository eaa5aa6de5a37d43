/**
 * A strict RFC 4180 reader for the tests, so downloads are read back the way a spreadsheet would
 * and anything that breaks the standard fails loudly.
 */
export /** Parses RFC 4180 CSV: CRLF record ends, fields quoted with ", quotes inside doubled. Throws on anything else. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let field = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (i >= csv.length) throw new Error('unclosed quoted field');
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r' && csv[i] !== '\n') {
        if (csv[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        field += csv[i++];
      }
    }
    record.push(field);
    if (csv[i] === ',') {
      i++;
    } else if (csv.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`expected "," or CRLF at ${i}, found ${JSON.stringify(csv.slice(i, i + 10))}`);
    }
  }
  if (record.length) throw new Error('the last record does not end with CRLF');
  return records;
}
