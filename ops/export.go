package ops

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export"
	"github.com/dossier-app/dossier/export/pdf"
	"github.com/dossier-app/dossier/export/xlsx"
)

// Kind names a document Export makes.
type Kind string

// The documents Export makes. A new kind is one entry in exporters.
const (
	KindDossier          Kind = "dossier"           // 评审材料汇编 (PDF)
	KindNotice           Kind = "notice"            // 公示名单 (PDF)
	KindUnit             Kind = "unit"              // one unit's material (PDF)
	KindSummary          Kind = "summary"           // 评审结果汇总表 (xlsx)
	KindTemplate         Kind = "template"          // blank 申报表 (xlsx)
	KindScoreSheet       Kind = "scoresheet"        // one evaluator's 评分表 (xlsx)
	KindScoreSheetFolder Kind = "scoresheet-folder" // every evaluator's 评分表 workbook, into a folder
	KindScoreForms       Kind = "scoresheets"       // 评分表 per evaluator, to be signed (PDF)
	KindSummaryForm      Kind = "summary-sheet"     // 评分汇总表 with 计分人、复核人、监督人 (PDF)
	KindDeclarations     Kind = "declarations"      // 回避声明 per evaluator (PDF)
	KindReport           Kind = "report"            // 评审结果报告 (PDF)
	KindBackup           Kind = "backup"            // a consistent copy of the campaign file
)

// ExportRequest says what to make and where.
type ExportRequest struct {
	Kind Kind
	// Out is the file to write; for KindScoreSheetFolder, the folder.
	Out string
	// Unit is the 申报编号 of the unit, for KindUnit.
	Unit string
	// Evaluator is the evaluator's name, for KindScoreSheet.
	Evaluator string
	// WithScores puts the score box into the single-unit PDF.
	WithScores bool
	// AllowPending exports the 公示名单 although a tie across the cut line
	// or a cap awaits the committee (the GUI asks first; the CLI needs
	// --allow-pending).
	AllowPending bool
	// PPI is the photos' resolution in a PDF: pdf.PrintPPI (also for 0)
	// or pdf.ScreenPPI.
	PPI int
	// Progress counts units set (PDF) or workbooks written.
	Progress Progress
	// Protect names files the output must not replace (the campaign as
	// the user named it, files being read). Any campaign file and journal
	// is refused anyway (export.WriteFile), the open one included.
	Protect []string
}

// ExportResult is what was made.
type ExportResult struct {
	// Files are the files written, in order (one but for KindScoreSheetFolder).
	Files []string
	// Pages and Warnings are a PDF's page count and its warnings
	// (characters no font has, pictures printed too small), in Chinese.
	Pages    int
	Warnings []string
	// Evaluator is the evaluator's name as stored, for KindScoreSheet.
	Evaluator string
}

// exporter makes one kind of document from the campaign loaded with load.
type exporter struct {
	load  *store.LoadOptions // nil: no book needed
	write func(ctx context.Context, j *exportJob) error
}

// exportJob is one Export call under way.
type exportJob struct {
	st      *store.Store
	req     ExportRequest
	b       *dossier.Book
	res     *ExportResult
	protect []string
}

// writeFile writes one file whole or not at all, never over a campaign or
// a protected file, and lists it in the result.
func (j *exportJob) writeFile(path string, write func(w io.Writer) error) error {
	if err := export.WriteFile(path, write, j.protect...); err != nil {
		return err
	}
	j.res.Files = append(j.res.Files, path)
	return nil
}

var (
	bare     = &store.LoadOptions{}
	material = &store.LoadOptions{Material: true} // photos are streamed, never loaded
)

var exporters = map[Kind]exporter{
	KindDossier: {material, func(ctx context.Context, j *exportJob) error {
		return j.pdf(ctx, func(w io.Writer, r *dossier.Ranking, opt pdf.Options) (*pdf.Report, error) {
			return pdf.WriteDossier(w, j.b, r, opt)
		})
	}},
	// The notice as the command line always made it, from the book with
	// its material: the two front-ends give the same bytes.
	KindNotice: {material, func(ctx context.Context, j *exportJob) error {
		return j.pdf(ctx, func(w io.Writer, r *dossier.Ranking, opt pdf.Options) (*pdf.Report, error) {
			if !j.req.AllowPending {
				if err := PendingError(r); err != nil {
					return nil, err
				}
			}
			return pdf.WriteNotice(w, j.b, r, opt)
		})
	}},
	KindScoreForms:   {bare, pdfKind(pdf.WriteScoresheets)},
	KindSummaryForm:  {bare, pdfKind(pdf.WriteSummarySheet)},
	KindDeclarations: {bare, pdfKind(pdf.WriteDeclarations)},
	KindReport:       {bare, pdfKind(pdf.WriteReport)},
	KindUnit: {material, func(ctx context.Context, j *exportJob) error {
		return j.pdf(ctx, func(w io.Writer, r *dossier.Ranking, opt pdf.Options) (*pdf.Report, error) {
			u := j.b.UnitByCode(j.req.Unit)
			if u == nil {
				return nil, dossier.Errorf(dossier.ENOTFOUND, "申报编号“%s”的单位不存在", j.req.Unit)
			}
			opt.WithScores = j.req.WithScores
			return pdf.WriteUnit(w, j.b, r, u.ID, opt)
		})
	}},
	KindSummary: {material, func(ctx context.Context, j *exportJob) error {
		r := dossier.Rank(j.b)
		return j.writeFile(j.req.Out, func(w io.Writer) error { return xlsx.WriteSummary(w, j.b, r) })
	}},
	KindTemplate: {bare, func(ctx context.Context, j *exportJob) error {
		return j.writeFile(j.req.Out, func(w io.Writer) error { return xlsx.WriteTemplate(w, j.b) })
	}},
	KindScoreSheet: {bare, func(ctx context.Context, j *exportJob) error {
		ev := j.b.EvaluatorByName(j.req.Evaluator)
		if ev == nil {
			return dossier.Errorf(dossier.ENOTFOUND, "评委“%s”不存在", j.req.Evaluator)
		}
		j.res.Evaluator = ev.Name
		return j.writeFile(j.req.Out, func(w io.Writer) error { return xlsx.WriteScoreSheet(w, j.b, ev.ID) })
	}},
	KindScoreSheetFolder: {bare, func(ctx context.Context, j *exportJob) error {
		if len(j.b.Evaluators) == 0 {
			return dossier.Errorf(dossier.EINVALID, "还没有评委，请先在“评委与回避”中添加评委")
		}
		for i, e := range j.b.Evaluators {
			path := FreeName(filepath.Join(j.req.Out, "评分表-"+SafeFileName(e.Name)+".xlsx"))
			if err := j.writeFile(path, func(w io.Writer) error { return xlsx.WriteScoreSheet(w, j.b, e.ID) }); err != nil {
				return err
			}
			j.req.Progress.report(i+1, len(j.b.Evaluators))
		}
		return nil
	}},
	KindBackup: {nil, func(ctx context.Context, j *exportJob) error {
		// An existing file is refused by Backup, the campaign itself with
		// its own message. A name that is free may still be a campaign's
		// journal's (a backup named c.dossier-wal would be taken for the
		// journal of c.dossier, and discarded): refused like a document.
		if _, err := os.Lstat(j.req.Out); errors.Is(err, os.ErrNotExist) {
			if err := export.Refuse(j.req.Out, append([]string{j.st.Path()}, j.protect...)...); err != nil {
				return err
			}
		}
		if err := j.st.Backup(ctx, j.req.Out); err != nil {
			return err
		}
		j.res.Files = append(j.res.Files, j.req.Out)
		return nil
	}},
}

// pdfKind is the exporter of a PDF that needs the book and its ranking only.
func pdfKind(write func(w io.Writer, b *dossier.Book, r *dossier.Ranking, opt pdf.Options) (*pdf.Report, error)) func(ctx context.Context, j *exportJob) error {
	return func(ctx context.Context, j *exportJob) error {
		return j.pdf(ctx, func(w io.Writer, r *dossier.Ranking, opt pdf.Options) (*pdf.Report, error) {
			return write(w, j.b, r, opt)
		})
	}
}

// PendingError refuses the 公示名单 while a tie across the cut line or a
// cap's limit awaits the committee: the list would silently lack a unit.
// It is nil when nothing is pending.
func PendingError(r *dossier.Ranking) error {
	var names []string
	for _, st := range r.Standings {
		if st.Pending() {
			names = append(names, st.Unit.Code+" "+st.Unit.Name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	return dossier.Errorf(dossier.EINVALID, "不能导出公示名单：%s 同分并列，跨越拟推荐线或名额限制，评委会尚未决定。请先用 decision 记录评委会决定；确需先行导出（名单不列入这些单位），请加 --allow-pending", strings.Join(names, "、"))
}

// MayRank refuses an evaluator's login on a server the ranking, other
// evaluators' scores and the documents made of them until scoring closes
// (the server's row policies hide those scores anyway: a ranking made of
// what such a login can read would be wrong, not merely partial).
func MayRank(ctx context.Context, s *store.Store) error {
	role, err := postgres.Role(ctx, s)
	if err != nil || role != postgres.RoleEvaluator {
		return err
	}
	st, err := s.Scoring(ctx)
	if err != nil {
		return err
	}
	if st.State != "closed" {
		return dossier.Errorf(dossier.EREADONLY, "评分结束前，评委登录看不到排名、他人的评分和据此生成的文档（%s）；评分结束后再查看", s.Where())
	}
	return nil
}

// Export makes a document of the campaign (see Kind), written whole or
// not at all and never over a campaign file.
func Export(ctx context.Context, st *store.Store, req ExportRequest) (*ExportResult, error) {
	x, ok := exporters[req.Kind]
	if !ok {
		return nil, fmt.Errorf("export: unknown kind %q", req.Kind)
	}
	if strings.TrimSpace(req.Out) == "" {
		return nil, dossier.Errorf(dossier.EINVALID, "请指定输出文件")
	}
	switch req.Kind {
	case KindTemplate, KindScoreSheet, KindBackup:
	default:
		// Every other document carries the ranking or others' scores.
		if err := MayRank(ctx, st); err != nil {
			return nil, err
		}
	}
	j := &exportJob{st: st, req: req, res: &ExportResult{}, protect: req.Protect}
	if x.load != nil {
		b, err := st.Book(ctx, *x.load)
		if err != nil {
			return nil, err
		}
		j.b = b
	}
	if err := x.write(ctx, j); err != nil {
		return nil, err
	}
	return j.res, nil
}

// pdf writes a PDF with the campaign's ranking, its photos read one at a
// time while the document is written, its score-log head and 复核 flags.
func (j *exportJob) pdf(ctx context.Context, write func(w io.Writer, r *dossier.Ranking, opt pdf.Options) (*pdf.Report, error)) error {
	r := dossier.Rank(j.b)
	opt := pdf.Options{PPI: j.req.PPI, Photos: j.st.Photos(ctx), Progress: j.req.Progress}
	if opt.PPI == 0 {
		opt.PPI = pdf.PrintPPI
	}
	sc, err := j.st.Scoring(ctx)
	if err != nil {
		return err
	}
	pct, err := j.st.OutlierPct(ctx)
	if err != nil {
		return err
	}
	res, err := j.st.Resolutions(ctx)
	if err != nil {
		return err
	}
	opt.Stability = dossier.Stabilities(j.b, r)
	opt.LogHead, opt.Flags = sc.Head, dossier.ReviewFlags(j.b, r, opt.Stability, pct, res)
	var rep *pdf.Report
	err = j.writeFile(j.req.Out, func(w io.Writer) error {
		var werr error
		rep, werr = write(w, r, opt)
		return werr
	})
	if rep != nil {
		j.res.Pages, j.res.Warnings = rep.Pages, rep.Warnings
	}
	return err
}

// FreeName returns path, or path with " (2)", " (3)"… before the
// extension when a file of that name exists: a returned, filled workbook
// in the same folder is never replaced.
func FreeName(path string) string {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return path
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 2; ; i++ {
		p := fmt.Sprintf("%s (%d)%s", base, i, ext)
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
	}
}
