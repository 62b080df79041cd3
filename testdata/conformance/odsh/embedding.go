// Struct embedding: promoted fields and methods, interface satisfaction
// through an embedded type, shadowing.
package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (b Base) Display() string { return fmt.Sprintf("#%d %s", b.ID, b.Name) }

func (b *Base) Rename(n string) { b.Name = n }

type Timestamps struct{ Created string }

type Partner struct {
	Base
	Timestamps
	Email string
}

type Company struct {
	*Base
	Name string // shadows Base.Name
}

type Displayer interface{ Display() string }

func main() {
	p := Partner{Base{1, "Ann"}, Timestamps{"2024-01-01"}, "ann@example.com"}
	p.Rename("Anna")
	fmt.Println(p.Display(), p.ID, p.Created, p.Base.Name)
	fmt.Printf("%v\n%+v\n", p, p)
	var d Displayer = p
	fmt.Println(d.Display())
	c := Company{&Base{2, "inner"}, "outer"}
	fmt.Println(c.Name, c.Base.Name, c.Display())
	c.Rename("renamed")
	fmt.Println(c.Base.Name, c.Name)
	ds := []Displayer{p, c, Base{3, "plain"}, &Base{4, "ptr"}}
	for _, x := range ds {
		fmt.Printf("%T %s\n", x, x.Display())
	}
}
