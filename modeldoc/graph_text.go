package modeldoc

import (
	"bufio"
	"io"
	"strings"

	"odsh/orm"
	"odsh/printer"
)

// Graph draws the models around the named one, depth steps out (1: its
// own relations), for a terminal width cells wide: the model in a box,
// then a tree of its relational fields, each to its comodel, with the
// relations of each comodel below it while the depth allows, and last the
// fields of other models that point at it ("◀── many2one ── model.field",
// at most 20, the others counted). A model already drawn is marked "↑"
// instead of being expanded again. Lines too wide for the terminal put the
// comodel on a line of its own, and are cut as a last resort.
func Graph(w io.Writer, reg *orm.Registry, model string, depth, width int) error {
	m, err := lookup(reg, model)
	if err != nil {
		return err
	}
	if err := checkDepth(depth); err != nil {
		return err
	}
	if width <= 0 {
		width = DefaultWidth
	}
	gw := &graphWriter{textWriter: textWriter{w: bufio.NewWriter(w), width: max(width, minWidth)},
		g: newRelMap(m, depth), drawn: map[*orm.Model]bool{m: true}}
	gw.box(m)
	gw.children(m, "", len(gw.g.in) > 0)
	gw.incoming()
	return gw.w.Flush()
}

type graphWriter struct {
	textWriter
	g     *relMap
	drawn map[*orm.Model]bool // models whose relations are drawn (or being drawn)
}

// box draws the root model framed.
func (gw *graphWriter) box(m *orm.Model) {
	title := m.Name
	if m.Description != "" && m.Description != m.Name {
		title += "  " + printer.OneLine(m.Description)
	}
	title = printer.Truncate(title, gw.width-4)
	bar := strings.Repeat("─", printer.DisplayWidth(title)+2)
	gw.line("┌" + bar + "┐")
	gw.line("│ " + title + " │")
	if len(gw.g.out[m]) == 0 && len(gw.g.in) == 0 {
		gw.line("└" + bar + "┘")
		gw.line("  (no relational fields)")
		return
	}
	gw.line("└┬" + bar[len("─"):] + "┘")
}

// children draws m's edges under it; prefix is the tree drawn so far to
// their left; more says that lines follow them (the root's incoming).
func (gw *graphWriter) children(m *orm.Model, prefix string, more bool) {
	es := gw.g.out[m]
	nameW := 0
	for _, e := range es {
		nameW = max(nameW, printer.DisplayWidth(e.field.Name))
	}
	for i, e := range es {
		last := i == len(es)-1 && !more
		branch, below := " ├─ ", " │  "
		if last {
			branch, below = " └─ ", "    "
		}
		expand := len(gw.g.out[e.to]) > 0 && !gw.drawn[e.to]
		gw.edgeLine(prefix+branch, prefix+below, e, nameW, expand || !gw.drawn[e.to])
		if expand {
			gw.drawn[e.to] = true
			gw.children(e.to, prefix+below, false)
		}
	}
}

// edgeLine draws "field ─── many2one ──▶ comodel  Description", aligned
// on the field names, or over two lines when it does not fit.
func (gw *graphWriter) edgeLine(head, cont string, e edge, nameW int, first bool) {
	name := e.field.Name + " " + strings.Repeat("─", max(nameW-printer.DisplayWidth(e.field.Name), 0)+1)
	arrow := " " + pad(typeShort(e.field.Type), len("many2many")) + " ──▶ "
	target := e.to.Name
	if !first {
		target += " ↑"
	}
	desc := ""
	if first && e.to.Description != "" && e.to.Description != e.to.Name {
		desc = "  " + printer.OneLine(e.to.Description)
	}
	one := head + name + arrow + target
	switch {
	case printer.DisplayWidth(one+desc) <= gw.width:
		gw.line(one + desc)
	case printer.DisplayWidth(one) <= gw.width:
		gw.line(one)
	default:
		gw.line(head + e.field.Name + " (" + typeShort(e.field.Type) + ")")
		gw.line(cont + "  ──▶ " + target)
	}
}

// incoming draws the fields of other models that point at the root, after
// its own: "├◀── many2one  ── model.field  Description".
func (gw *graphWriter) incoming() {
	g := gw.g
	for i, e := range g.in {
		branch, below := " ├", " │ "
		if i == len(g.in)-1 && g.moreIn == 0 {
			branch, below = " └", "   "
		}
		arrow := "◀── " + pad(typeShort(e.field.Type), len("many2many")) + " ── "
		source := e.from.Name + "." + e.field.Name
		desc := ""
		if e.from.Description != "" && e.from.Description != e.from.Name {
			desc = "  " + printer.OneLine(e.from.Description)
		}
		one := branch + arrow + source
		switch {
		case printer.DisplayWidth(one+desc) <= gw.width:
			gw.line(one + desc)
		case printer.DisplayWidth(one) <= gw.width:
			gw.line(one)
		default:
			gw.line(branch + "◀── " + typeShort(e.field.Type))
			gw.line(below + "   " + source)
		}
	}
	if g.moreIn > 0 {
		gw.line(" └── " + g.moreText())
	}
}
