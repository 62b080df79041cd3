// Package modeldoc documents the models of a registry: a model reference
// (what :doc MODEL and odsh doc MODEL print) and a map of the models a
// model is related to, outgoing and incoming (:graph MODEL and odsh graph
// MODEL).
//
// Every function takes the registry and a model name, and writes to an
// io.Writer; none needs a database, so the same text documents the models
// of odsh's addons and those read from an Odoo database (where what the
// database does not record, such as compute dependencies of fields that
// are not stored, is left out).
//
//	modeldoc.Text(os.Stdout, reg, "res.partner", 100)     // the reference, for a terminal 100 cells wide
//	modeldoc.Markdown(os.Stdout, reg, "res.partner")      // the same as Markdown
//	modeldoc.Graph(os.Stdout, reg, "demo.order", 2, 100)  // relations two steps out, drawn with box characters
//	modeldoc.Mermaid(os.Stdout, reg, "demo.order", 1)     // a Mermaid flowchart
//	modeldoc.DOT(os.Stdout, reg, "demo.order", 1)         // Graphviz
//
// An unknown model name is an *UnknownModelError, whose message proposes
// the closest model name.
package modeldoc
