package orm_test

import (
	"fmt"

	"odsh/orm"
)

// A model is data: fields built with constructors and attribute setters.
func ExampleModelDef() {
	book := orm.ModelDef{
		Name:  "library.book",
		Order: "name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required(),
			orm.Many2one("author_id", "res.partner").Ondelete("restrict"),
			orm.Selection("state",
				orm.SelectionItem{Value: "draft", Label: "Draft"},
				orm.SelectionItem{Value: "published", Label: "Published"}).Default("draft"),
		},
	}
	fmt.Println(book.Name, len(book.Fields))
	// Output: library.book 3
}

// Errors come back from Env.Catch as typed values naming the model and field.
func ExampleEnv_Catch() {
	var env *orm.Env // an env from Transaction.Env
	if env == nil {
		return
	}
	err := env.Catch(func() {
		env.Model("res.partner").Create(orm.Values{"nmae": "typo"})
	})
	fmt.Println(err)
}

// x2many fields take commands.
func ExampleCommands() {
	cmds := []any{orm.Command.Create(orm.Values{"name": "new tag"}), orm.Command.Link(7), orm.Command.Set(1, 2)}
	fmt.Println(cmds...)
	// Output: (0, 0, {name: "new tag"}) (4, 7, 0) (6, 0, [1 2])
}
