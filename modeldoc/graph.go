package modeldoc

// The relation map: the models reached from a model by following its
// relational fields (many2one, one2many, many2many), breadth first, up to
// a depth. The magic create_uid and write_uid (every model has them) and
// the fields a model lends through _inherits (the link is shown instead)
// are left out; so are fields whose comodel the registry lacks.

import (
	"fmt"

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
}

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
	return g
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
