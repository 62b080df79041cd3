package modeldoc

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"odsh/orm"
)

// Mermaid writes the map of Graph as a Mermaid flowchart (flowchart LR):
// one node per model, labelled with its name, and one arrow per
// relational field, labelled "field (type)"; the fields of other models
// that point at the model are dotted arrows into it, the ones left out
// counted on a node of their own.
func Mermaid(w io.Writer, reg *orm.Registry, model string, depth int) error {
	g, err := relMapOf(reg, model, depth)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	id := map[*orm.Model]string{}
	bw.WriteString("flowchart LR\n")
	for _, m := range g.nodes() {
		id[m] = fmt.Sprintf("m%d", len(id))
		fmt.Fprintf(bw, "    %s[\"%s\"]\n", id[m], mermaidText(m.Name))
	}
	if g.moreIn > 0 {
		fmt.Fprintf(bw, "    more[\"%s\"]\n", mermaidText(g.moreText()))
	}
	for _, e := range g.allEdges() {
		fmt.Fprintf(bw, "    %s -->|\"%s (%s)\"| %s\n", id[e.from], mermaidText(e.field.Name), typeShort(e.field.Type), id[e.to])
	}
	for _, e := range g.in {
		fmt.Fprintf(bw, "    %s -.->|\"%s (%s)\"| %s\n", id[e.from], mermaidText(e.field.Name), typeShort(e.field.Type), id[e.to])
	}
	if g.moreIn > 0 {
		fmt.Fprintf(bw, "    more -.-> %s\n", id[g.root])
	}
	fmt.Fprintf(bw, "    style %s stroke-width:3px\n", id[g.root])
	return bw.Flush()
}

// mermaidText escapes a label for Mermaid's quoted strings.
var mermaidText = strings.NewReplacer(`"`, "#quot;").Replace

// DOT writes the map of Graph as a Graphviz digraph: one box per model
// (the root in bold), one edge per relational field, labelled with the
// field and its type; the fields of other models that point at the model
// are dashed edges into it, the ones left out counted in a note.
func DOT(w io.Writer, reg *orm.Registry, model string, depth int) error {
	g, err := relMapOf(reg, model, depth)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "digraph %s {\n\trankdir=LR;\n\tnode [shape=box];\n", dotQuote(g.root.Name))
	for _, m := range g.nodes() {
		attrs := ""
		if m == g.root {
			attrs = " [style=bold]"
		}
		fmt.Fprintf(bw, "\t%s%s;\n", dotQuote(m.Name), attrs)
	}
	for _, e := range g.allEdges() {
		fmt.Fprintf(bw, "\t%s -> %s [label=%s];\n", dotQuote(e.from.Name), dotQuote(e.to.Name),
			dotQuote(e.field.Name+" ("+typeShort(e.field.Type)+")"))
	}
	for _, e := range g.in {
		fmt.Fprintf(bw, "\t%s -> %s [label=%s, style=dashed];\n", dotQuote(e.from.Name), dotQuote(e.to.Name),
			dotQuote(e.field.Name+" ("+typeShort(e.field.Type)+")"))
	}
	if g.moreIn > 0 {
		more := dotQuote(g.moreText())
		fmt.Fprintf(bw, "\t%s [shape=plaintext];\n\t%s -> %s [style=dashed];\n", more, more, dotQuote(g.root.Name))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// dotQuote is s as a DOT quoted string.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func relMapOf(reg *orm.Registry, model string, depth int) (*relMap, error) {
	m, err := lookup(reg, model)
	if err != nil {
		return nil, err
	}
	if err := checkDepth(depth); err != nil {
		return nil, err
	}
	return newRelMap(m, depth), nil
}
