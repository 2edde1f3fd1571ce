export { decodeXml, encodingLabel, type DecodedXml } from './decode';
export { isZip, readZip, type ZipEntry } from './zip';
export {
  checkWellFormed,
  describeXmlError,
  formatXmlError,
  parseXml,
  type ParsedXml,
  type ParseXmlOptions,
  type XmlSyntaxError,
} from './parse';
export {
  ATTRIBUTE_PREFIX,
  attribute,
  booleanOf,
  child,
  children,
  descend,
  key,
  ownText,
  simpleFields,
  text,
  TEXT_KEY,
  type XmlNode,
  type XmlValue,
} from './nodes';
export { frenchDateOf, isInvalidDate, isoDateOf } from './dates';
export { KNOWN_ROOTS, peekRootName, readXmlFile, type ReadXmlFileOptions, type XmlFile } from './input';
export { assertFileTarget, type FileParameters, readBeeParameters, readStsParameters } from './parameters';
