package printer

import (
	"io"
	"strconv"
	"strings"

	"odsh/orm"
)

// Names of the groups of a record's card.
const (
	GroupFields    = "Fields"
	GroupRelations = "Relations"
	GroupTechnical = "Technical"
)

// renderCards writes one card per shown record (the first opts.MaxRows),
// then a footer counting the others.
func renderCards(w io.Writer, shown shownSet, paths []fieldPath, opts Options) error {
	var out strings.Builder
	recs := shown.recs
	for _, rec := range recs {
		if err := RenderCard(&out, recordCard(rec, paths), opts); err != nil {
			return err
		}
	}
	if hidden := shown.total - len(recs); hidden > 0 {
		line := Ellipsis + " " + thousands(hidden) + " more " + nounFor(hidden, "record") +
			" (" + thousands(shown.total) + " in all)"
		out.WriteString(opts.dim(Truncate(line, opts.width())) + "\n")
	}
	return writeString(w, out.String())
}

// recordCard is the card of one record: the named paths in one group, or
// every field grouped as Fields, Relations and Technical.
func recordCard(rec orm.Recordset, paths []fieldPath) Card {
	c := Card{Title: cardTitle(rec)}
	if paths != nil {
		c.Groups = []Group{{Fields: pathFields(rec, paths)}}
		return c
	}
	c.Groups = fieldGroups(rec)
	return c
}

// cardTitle is "res.partner(7) Azure Interior".
func cardTitle(rec orm.Recordset) string {
	title := rec.ModelName() + "(" + strconv.FormatInt(rec.ID(), 10) + ")"
	if name := rec.DisplayName(); name != "" {
		title += " " + name
	}
	return title
}

// pathFields reads the paths on rec as card lines.
func pathFields(rec orm.Recordset, paths []fieldPath) []Field {
	out := make([]Field, len(paths))
	for i, p := range paths {
		out[i] = Field{Name: p.name, Value: p.cell(rec)}
	}
	return out
}

// fieldGroups reads every field of rec, in declaration order, into the
// three groups; empty groups are left out.
func fieldGroups(rec orm.Recordset) []Group {
	groups := []Group{{Name: GroupFields}, {Name: GroupRelations}, {Name: GroupTechnical}}
	for _, f := range rec.Model().FieldList {
		if f.Unavailable != "" {
			continue // odsh cannot read it (:fields says why)
		}
		g := &groups[cardGroup(f)]
		g.Fields = append(g.Fields, Field{Name: f.Name, Value: fieldPathOf(f).cell(rec)})
	}
	kept := groups[:0]
	for _, g := range groups {
		if len(g.Fields) > 0 {
			kept = append(kept, g)
		}
	}
	return kept
}

// cardGroup is the index of f's group in fieldGroups.
func cardGroup(f *orm.Field) int {
	switch {
	case technicalFields[f.Name]:
		return 2
	case f.Type.Relational(), f.Type == orm.TypeReference, f.Type == orm.TypeMany2oneReference:
		return 1
	}
	return 0
}
