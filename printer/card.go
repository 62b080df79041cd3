package printer

import (
	"io"
	"strings"
)

// Card is one record shown vertically, psql's \x style: a title, then its
// fields as aligned name/value lines, in groups.
type Card struct {
	// Title heads the card, e.g. "res.partner(7) Azure Interior".
	Title  string
	Groups []Group
}

// Group is a run of fields under a heading, as in an Odoo form's groups
// and pages. A group without a Name continues without a heading.
type Group struct {
	Name   string
	Fields []Field
}

// Field is one line of a Card: a field name and its formatted value
// (see FormatValue). A value may hold several lines; the card shows the
// first one, followed by Ellipsis.
type Field struct {
	Name  string
	Value string
}

// Separators of a card.
const (
	cardRule = "─"
	cardBar  = " │ "
)

// maxNameShare bounds the name column to this fraction of the width.
const maxNameShare = 3

// RenderCard writes c no wider than opts.Width:
//
//	─[ res.partner(7) Azure Interior ]──────────
//	id           │ 7
//	name         │ Azure Interior
//	── Address ─────────────────────────────────
//	street       │ 4557 De Silva St
//
// Names are aligned across groups; long names and values are cut with
// Ellipsis, multi-line values show their first line and Ellipsis. A card
// without fields says "(no fields)". The only error is the writer's.
func RenderCard(w io.Writer, c Card, opts Options) error {
	width := opts.width()
	var out strings.Builder
	out.WriteString(opts.bold(titleRule(c.Title, width)) + "\n")
	nameW := nameWidth(c.Groups, width)
	valueW := width - nameW - DisplayWidth(cardBar)
	empty := true
	for _, g := range c.Groups {
		if g.Name != "" {
			out.WriteString(opts.dim(groupRule(g.Name, width)) + "\n")
		}
		for _, f := range g.Fields {
			out.WriteString(cardLine(f, nameW, valueW, opts) + "\n")
			empty = false
		}
	}
	if empty {
		out.WriteString(opts.dim("(no fields)") + "\n")
	}
	return writeString(w, out.String())
}

// titleRule draws "─[ title ]─────" across the width.
func titleRule(title string, width int) string {
	if title == "" {
		return strings.Repeat(cardRule, width)
	}
	return rule(cardRule+"[ "+Truncate(OneLine(title), width-5)+" ]", width)
}

// groupRule draws "── name ─────" across the width.
func groupRule(name string, width int) string {
	return rule(cardRule+cardRule+" "+Truncate(OneLine(name), width-4)+" ", width)
}

// rule fills the rest of the width after head with cardRule.
func rule(head string, width int) string {
	return head + strings.Repeat(cardRule, max(width-DisplayWidth(head), 0))
}

// nameWidth is the width of the name column: the longest name, but no more
// than a third of the width.
func nameWidth(groups []Group, width int) int {
	w := 1
	for _, g := range groups {
		for _, f := range g.Fields {
			w = max(w, DisplayWidth(OneLine(f.Name)))
		}
	}
	return min(w, width/maxNameShare)
}

// cardLine lays out one field: padded name, bar, value.
func cardLine(f Field, nameW, valueW int, opts Options) string {
	name := pad(Truncate(OneLine(f.Name), nameW), nameW)
	value := cardValue(f.Value, valueW)
	if value == Null {
		value = opts.dim(value)
	}
	return strings.TrimRight(name+cardBar+value, " ")
}

// cardValue shows the first line of v, marked with Ellipsis when more
// lines follow, cut to width.
func cardValue(v string, width int) string {
	line, more := firstLine(v)
	line = OneLine(line)
	if more {
		return Truncate(line, width-1) + Ellipsis
	}
	return Truncate(line, width)
}
