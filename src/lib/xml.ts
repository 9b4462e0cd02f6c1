/**
 * Whether a text is well-formed XML, with fast-xml-validator's syntax validator (the package
 * fast-xml-parser's author moved validation to; `XMLValidator` there is deprecated): `true`,
 * or what is wrong and on which line. Never throws.
 */
import { SyntaxValidator } from 'fast-xml-validator';

export type XmlCheck = true | { msg: string; line: number };

export function checkXml(xml: string): XmlCheck {
  try {
    SyntaxValidator.validate(xml);
    return true;
  } catch (error) {
    const { message, line } = error as { message: string; line?: number };
    return { msg: message, line: line ?? 1 };
  }
}
