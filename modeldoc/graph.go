package modeldoc

// The relation map: the models reached from a model by following its
// relational fields (many2one, one2many, many2many), breadth first, up to
// a depth, and the fields of other models that point at it (many2one and
// many2many whose comodel it is: incoming, not followed further; at most
// maxIncoming, the others counted). The magic create_uid and write_uid
// (every model has them) and the fields a model lends through _inherits
// (the link is shown instead) are left out; so are fields whose comodel
// the registry lacks.

import (
	"fmt"
	"slices"
	"sort"

	"odsh/orm"
)

// edge is one relational field from a model to its comodel.
type edge struct {
	from  *orm.Model
	field *orm.Field
	to    *orm.Model
}

// relMap is the map around a root model.
type relMap struct {
	root     *orm.Model
	depth    int
	models   []*orm.Model              // breadth-first order, root first
	distance map[*orm.Model]int        // steps from the root
	out      map[*orm.Model][]edge     // edges of the models at distance < depth
	reached  map[*orm.Model]*orm.Model // model → the model it was first reached from
	in       []edge                    // incoming: fields of other models whose comodel is root
	moreIn   int                       // incoming fields left out of in (maxIncoming)
	moreFrom int                       // the models they belong to
}

// maxIncoming is how many incoming fields a map shows: Odoo's res.partner
// has hundreds.
const maxIncoming = 20

// newRelMap follows the relations of root up to depth steps.
func newRelMap(root *orm.Model, depth int) *relMap {
	g := &relMap{root: root, depth: depth, models: []*orm.Model{root},
		distance: map[*orm.Model]int{root: 0}, out: map[*orm.Model][]edge{}, reached: map[*orm.Model]*orm.Model{}}
	for i := 0; i < len(g.models); i++ {
		m := g.models[i]
		if g.distance[m] >= depth {
			continue
		}
		for _, e := range edges(m) {
			g.out[m] = append(g.out[m], e)
			if _, ok := g.distance[e.to]; !ok {
				g.distance[e.to] = g.distance[m] + 1
				g.reached[e.to] = m
				g.models = append(g.models, e.to)
			}
		}
	}
	g.incoming()
	return g
}

// incoming finds the many2one and many2many fields of other models whose
// comodel is the root, but for those the map draws already (the outgoing
// fields of a model it expands). The plain links come first (stored
// many2one neither computed nor related), then the other many2one, then
// the many2many (in Odoo, every mail.thread's message_partner_ids points
// at res.partner), each kind by model name.
func (g *relMap) incoming() {
	reg := g.root.Registry()
	var all []edge
	for _, name := range reg.Models() {
		m := reg.Model(name)
		if d, ok := g.distance[m]; m == g.root || ok && d < g.depth {
			continue
		}
		for _, f := range m.FieldList {
			if f.Type != orm.TypeMany2one && f.Type != orm.TypeMany2many || f.Comodel != g.root.Name ||
				f.InheritedFrom != nil || f.Name == "create_uid" || f.Name == "write_uid" {
				continue
			}
			all = append(all, edge{from: m, field: f, to: g.root})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return linkRank(all[i].field) < linkRank(all[j].field) })
	more := map[*orm.Model]bool{}
	for i, e := range all {
		if i < maxIncoming {
			g.in = append(g.in, e)
			continue
		}
		g.moreIn++
		more[e.from] = true
	}
	g.moreFrom = len(more)
}

// linkRank orders the incoming fields: a stored many2one neither
// computed nor related, another many2one, a many2many.
func linkRank(f *orm.Field) int {
	switch {
	case f.Type == orm.TypeMany2many:
		return 2
	case f.Store && f.Compute == nil && f.Related == "":
		return 0
	}
	return 1
}

// moreText is "… and 3 more fields of 2 models", for the incoming fields
// left out.
func (g *relMap) moreText() string {
	fields, models := "fields", "models"
	if g.moreIn == 1 {
		fields = "field"
	}
	if g.moreFrom == 1 {
		models = "model"
	}
	return fmt.Sprintf("… and %d more %s of %d %s", g.moreIn, fields, g.moreFrom, models)
}

// edges are the relational fields of m shown on the map.
func edges(m *orm.Model) []edge {
	reg := m.Registry()
	var out []edge
	for _, f := range m.FieldList {
		if !f.Type.Relational() || f.InheritedFrom != nil || f.Name == "create_uid" || f.Name == "write_uid" {
			continue
		}
		if co := reg.Model(f.Comodel); co != nil {
			out = append(out, edge{from: m, field: f, to: co})
		}
	}
	return out
}

// nodes are the map's models, breadth-first, then the models of the
// incoming fields not on it already.
func (g *relMap) nodes() []*orm.Model {
	out := append([]*orm.Model(nil), g.models...)
	for _, e := range g.in {
		if _, ok := g.distance[e.from]; !ok && !slices.Contains(out, e.from) {
			out = append(out, e.from)
		}
	}
	return out
}

// allEdges are the map's edges, model by model in breadth-first order.
func (g *relMap) allEdges() []edge {
	var out []edge
	for _, m := range g.models {
		out = append(out, g.out[m]...)
	}
	return out
}

// checkDepth refuses a depth below 1.
func checkDepth(depth int) error {
	if depth < 1 {
		return fmt.Errorf("depth %d: want 1 or more", depth)
	}
	return nil
}

// typeShort is the relation's kind as drawn on an edge.
func typeShort(t orm.FieldType) string {
	switch t {
	case orm.TypeMany2one:
		return "many2one"
	case orm.TypeOne2many:
		return "one2many"
	}
	return "many2many"
}
