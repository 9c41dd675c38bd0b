import pptxgenjs from 'pptxgenjs';

// pptxgenjs as every writer of a PPTX here takes it: this package's editable deck and the
// CLI's picture PPTX (through the `@briefing/slides/pptxgenjs` export, which loads pptxgenjs
// and nothing of the deck).

// pptxgenjs's types describe its CommonJS build; Node imports its ES build, whose default
// export is the class itself.
export const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
export type Pres = InstanceType<typeof PptxGenJS>;
export type Slide = ReturnType<Pres['addSlide']>;
export type TextProps = pptxgenjs.default.TextProps;
export type TableRow = pptxgenjs.default.TableRow;
export type MasterObjects = pptxgenjs.default.SlideMasterProps['objects'];
