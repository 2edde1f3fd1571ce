import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXmlDocuments, XmlSchemaError } from './xml-validation';

const reference = resolve(__dirname, '../../../../../shared/reference/siecle/import-prive');
const xsd31 = resolve(reference, 'xsd/schema_Import_3.1.xsd');
const xsd20 = resolve(reference, 'xsd/schema_import.xsd');
const submission = readFileSync(resolve(reference, 'dossiersco-test-files-2018/0750680GPRIVE2017180115162223.xml'));

describe('validation of export documents against official XSDs (ISO-8859-15 schemas)', () => {
  it('accepts a real 2018 submission against the schema it was written for (2.0)', async () => {
    await expect(validateXmlDocuments([{ name: 'envoi-2018.xml', bytes: submission, xsdPath: xsd20 }])).resolves.toBeUndefined();
  });

  it('refuses the same submission against XSD 3.1, naming the line and the element', async () => {
    const error = await validateXmlDocuments([{ name: 'envoi-2018.xml', bytes: submission, xsdPath: xsd31 }]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(XmlSchemaError);
    expect((error as XmlSchemaError).errors[0]).toMatch(/^ligne \d+ : /);
  });
});
