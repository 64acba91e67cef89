// Package xlsx is the campaign's Excel exchange (DESIGN.md, "The submission
// workbook", "The score workbook", "Documents it produces"):
//
//   - WriteTemplate writes the blank submission workbook (申报表模板) units
//     fill in; ReadSubmission reads a filled one back, finding every field
//     by its label or header, reading numbers in each indicator's unit of
//     measure (ParseNumber) and pictures floating on the 图片 sheet or
//     embedded by WPS (=DISPIMG), and refusing, with every problem named by
//     file, sheet and cell (FileError), anything it cannot read exactly.
//   - WriteScoreSheet writes an evaluator's score workbook (评分表);
//     ReadScoreSheet reads it back, whole or not at all.
//   - WriteSummary writes the Excel summary of a ranking.
//
// Workbooks come from outside and may be hostile. A file is refused before
// its content is parsed when it is too large, is not a zip archive, or its
// archive declares too many parts, parts too large or compressed too well
// (zip bombs); every part is inflated once, with its real size and CRC
// checked against what the archive declares, before it is used. The parts
// are read with a streaming XML decoder written for the purpose, not with
// excelize: it sees formulas, cell types and number formats that excelize's
// row iterator hides, reads WPS's cell pictures without evaluating
// formulas, and never writes a temporary file. excelize writes the
// workbooks.
package xlsx
