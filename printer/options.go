package printer

// DefaultWidth is the width used when the terminal's is unknown.
const DefaultWidth = 100

// MinWidth is the narrowest layout; smaller widths are raised to it.
const MinWidth = 20

// DefaultMaxRows is how many rows a table shows when Options.MaxRows is 0.
const DefaultMaxRows = 50

// Options says how much room output may take and how it may look. The zero
// value is usable: DefaultWidth columns, DefaultMaxRows rows, no colour.
type Options struct {
	// Width is the terminal width in cells; no output line is wider.
	// 0 means DefaultWidth; values below MinWidth count as MinWidth.
	Width int
	// MaxRows caps the rows of a table; the rest are summed up in a footer.
	// 0 means DefaultMaxRows; a negative value shows every row.
	MaxRows int
	// Color enables ANSI styling: NULL, footers and headings are dimmed.
	// Widths are unaffected, escape sequences take no cells.
	Color bool
	// Vertical makes Show print a recordset of several records as one card
	// per record (the first MaxRows of them) instead of a table, as psql's
	// \x. A single record is always a card.
	Vertical bool
}

// width returns the effective width.
func (o Options) width() int {
	switch {
	case o.Width == 0:
		return DefaultWidth
	case o.Width < MinWidth:
		return MinWidth
	}
	return o.Width
}

// maxRows returns the effective row cap, or -1 for none.
func (o Options) maxRows() int {
	switch {
	case o.MaxRows == 0:
		return DefaultMaxRows
	case o.MaxRows < 0:
		return -1
	}
	return o.MaxRows
}

const (
	ansiDim   = "\x1b[2m"
	ansiBold  = "\x1b[1m"
	ansiReset = "\x1b[0m"
)

// dim styles s as secondary text when colour is on.
func (o Options) dim(s string) string {
	if !o.Color || s == "" {
		return s
	}
	return ansiDim + s + ansiReset
}

// bold styles s as a heading when colour is on.
func (o Options) bold(s string) string {
	if !o.Color || s == "" {
		return s
	}
	return ansiBold + s + ansiReset
}
