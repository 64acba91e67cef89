package export

import (
	"sync"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
)

var shipped = sync.OnceValues(func() ([]dossier.HolidayYear, error) { return dossier.ParseHolidays(assets.Holidays) })

// HolidayYears is the shipped calendar: the years the State Council has
// published, each with its notice.
func HolidayYears() []dossier.HolidayYear {
	y, err := shipped()
	if err != nil {
		panic(err) // the shipped file is checked by assets' tests
	}
	return y
}

// Calendar is the campaign's working-day calendar: the shipped years with
// the campaign's own additions.
func Calendar(b *dossier.Book) *dossier.Calendar {
	return dossier.NewCalendar(HolidayYears(), b.Calendar)
}

// NoticePeriod is the campaign's 公示 period; ok is false while its start
// is not set.
func NoticePeriod(b *dossier.Book) (p dossier.NoticePeriod, ok bool) {
	if b.Campaign.NoticeStart == "" {
		return p, false
	}
	p, err := Calendar(b).NoticeEnd(b.Campaign.NoticeStart, b.Campaign.NoticeLength())
	return p, err == nil
}
