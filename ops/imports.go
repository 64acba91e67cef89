package ops

import (
	"context"
	"errors"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export/xlsx"
)

// Listing is what FindSubmissions found: the files to read, the paths it
// could not list, and how many temporary and other files it left out.
type Listing = xlsx.Listing

// FindSubmissions lists the submission workbooks among files and folders
// (a folder is walked; temporary and hidden files are skipped and counted),
// as the command line's arguments, the app's folder scan and a drop on the
// window all list them.
func FindSubmissions(paths []string) Listing {
	return xlsx.ListSubmissions(paths)
}

// ImportFile is one file of an import: what importing it would do (the
// plan) or did (after CommitImport).
type ImportFile struct {
	// Path is the file as listed.
	Path string
	// ReadErr is why the workbook reader refused the file: a
	// *dossier.FileError naming sheets and cells, or another error (a file
	// that cannot be opened). The item then says ImportRejected and holds
	// the same problems.
	ReadErr error
	dossier.ImportItem
}

// ImportPlan is an import of several files, one entry per file in the
// order listed.
type ImportPlan struct {
	Files []ImportFile
}

// Counts tallies the plan: units new, updated (unchanged ones apart) and
// unchanged, and files rejected.
func (p *ImportPlan) Counts() (created, updated, unchanged, rejected int) {
	for _, f := range p.Files {
		switch {
		case f.Action == dossier.ImportRejected:
			rejected++
		case f.Action == dossier.ImportNew:
			created++
		case f.Unchanged:
			unchanged++
		default:
			updated++
		}
	}
	return
}

// Importable reports whether any file would be written.
func (p *ImportPlan) Importable() bool {
	for _, f := range p.Files {
		if f.Action != dossier.ImportRejected && f.Sub != nil {
			return true
		}
	}
	return false
}

// PreviewImport reads the workbooks (in parallel, one worker per core;
// progress counts files read) and asks the campaign what importing them
// would do, writing nothing.
func PreviewImport(ctx context.Context, st *store.Store, files []string, progress Progress) (*ImportPlan, error) {
	b, err := st.Book(ctx, store.LoadOptions{})
	if err != nil {
		return nil, err
	}
	plan := &ImportPlan{Files: make([]ImportFile, len(files))}
	var subs []dossier.Submission
	var at []int
	for i, rd := range xlsx.ReadSubmissions(files, b, progress) {
		f := &plan.Files[i]
		f.Path = rd.Path
		if rd.Err != nil {
			f.ReadErr = rd.Err
			f.ImportItem = dossier.ImportItem{File: rd.Path, Action: dossier.ImportRejected, Problems: ProblemsOf(rd.Path, rd.Err)}
			if fe := (*dossier.FileError)(nil); errors.As(rd.Err, &fe) {
				f.Code, f.Name = fe.Code, fe.Name // whose workbook it is, where it said
			}
			continue
		}
		subs = append(subs, *rd.Sub)
		at = append(at, i)
	}
	if len(subs) == 0 {
		return plan, nil
	}
	items, err := st.Import(ctx, subs, true)
	if err != nil {
		return nil, err
	}
	for k, it := range items {
		plan.Files[at[k]].ImportItem = it
	}
	return plan, nil
}

// CommitImport writes the files of a plan that were not rejected, each
// unit in its own transaction (progress counts files written), and returns
// the outcome, file by file as in the plan. The campaign decides again as
// it writes: what changed since the preview is taken into account.
func CommitImport(ctx context.Context, st *store.Store, plan *ImportPlan, progress Progress) (*ImportPlan, error) {
	return writeAccepted(plan, func(files []ImportFile) ([]dossier.ImportItem, error) {
		subs := make([]dossier.Submission, len(files))
		for i, f := range files {
			subs[i] = *f.Sub
		}
		return st.ImportProgress(ctx, subs, false, progress)
	})
}

// WriteImport writes the files of a plan PreviewImport has just made, as
// planned, without asking the campaign again (store.ImportPlanned): for an
// import that shows its plan and writes at once, as dossierctl import
// does. Each write still checks inside its transaction (a code or name
// taken meanwhile, an update against the unit as it is then). A plan
// kept while a user looks at it goes through CommitImport, which plans
// again.
func WriteImport(ctx context.Context, st *store.Store, plan *ImportPlan, progress Progress) (*ImportPlan, error) {
	return writeAccepted(plan, func(files []ImportFile) ([]dossier.ImportItem, error) {
		items := make([]dossier.ImportItem, len(files))
		for i, f := range files {
			items[i] = f.ImportItem
		}
		return st.ImportPlanned(ctx, items, progress)
	})
}

// writeAccepted hands the plan's accepted files to write, in order, and
// returns the plan with each of them carrying write's outcome; refused
// files stay as planned.
func writeAccepted(plan *ImportPlan, write func([]ImportFile) ([]dossier.ImportItem, error)) (*ImportPlan, error) {
	out := &ImportPlan{Files: append([]ImportFile(nil), plan.Files...)}
	var files []ImportFile
	var at []int
	for i, f := range plan.Files {
		if f.Action != dossier.ImportRejected && f.Sub != nil {
			files = append(files, f)
			at = append(at, i)
		}
	}
	if len(files) == 0 {
		return out, nil
	}
	done, err := write(files)
	for k, it := range done {
		out.Files[at[k]].ImportItem = it
	}
	return out, err
}

// ProblemsOf is an error of a file as problems: those of a refused file
// (*dossier.FileError), else one problem of the file saying the error's
// Chinese message.
func ProblemsOf(file string, err error) []dossier.Problem {
	var fe *dossier.FileError
	if errors.As(err, &fe) {
		return fe.Problems
	}
	return []dossier.Problem{{File: file, Message: dossier.ErrorMessage(err)}}
}
