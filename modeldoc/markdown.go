package modeldoc

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"odsh/orm"
)

// Markdown writes the reference of the named model as Markdown: a title,
// the model's attributes as a list, an Addons section, and a table of the
// fields (name, type, label, attributes, details, addon).
func Markdown(w io.Writer, reg *orm.Registry, model string) error {
	m, err := lookup(reg, model)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	writeMarkdown(bw, collect(m))
	return bw.Flush()
}

func writeMarkdown(w *bufio.Writer, mf *modelFacts) {
	fmt.Fprintf(w, "# `%s` — %s\n\n", mf.name, mdText(mf.description))
	for _, f := range mf.summary {
		fmt.Fprintf(w, "- **%s:** %s\n", f.key, mdText(f.value))
	}
	if len(mf.layers) > 0 {
		fmt.Fprintf(w, "\n## Addons\n\n")
		for _, l := range mf.layers {
			fmt.Fprintf(w, "- %s\n", mdText(layerText(l)))
		}
	}
	fmt.Fprintf(w, "\n## Fields (%d)\n\n", len(mf.fields))
	fmt.Fprintln(w, "| Field | Type | Label | Attributes | Details | Addon |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- |")
	for _, f := range mf.fields {
		details := make([]string, len(f.details))
		for i, d := range f.details {
			details[i] = "**" + d.key + ":** " + mdCell(d.value)
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s | %s |\n", f.name, f.typ, mdCell(f.label),
			mdCell(strings.Join(f.attrs, ", ")), strings.Join(details, "<br>"), mdCell(f.addon))
	}
	for _, d := range mf.delegated {
		fmt.Fprintf(w, "\n## Fields of %s (_inherits)\n\n%s\n", mdText(d.key), mdText(d.value))
	}
}

// mdText escapes the characters Markdown would take for markup (an
// underscore inside a word, as in field names, is not emphasis in
// CommonMark and is left alone).
var mdText = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "<", "&lt;", ">", "&gt;", "\n", " ").Replace

// mdCell is mdText for a table cell: pipes escaped too.
func mdCell(s string) string { return strings.ReplaceAll(mdText(s), "|", `\|`) }
