// Struct types that refer to each other before they are declared, with
// methods, used through pointers.
package main

import "fmt"

type Atom struct {
	str  string
	next *Node
}

type List struct {
	car, cdr *Node
}

type Node struct {
	isAtom bool
	atom   Atom
	list   List
}

func (n *Node) String() string {
	if n == nil {
		return "()"
	}
	if n.isAtom {
		return n.atom.str
	}
	return "(" + n.list.car.String() + " . " + n.list.cdr.String() + ")"
}

func atom(s string) *Node {
	n := new(Node)
	n.isAtom = true
	n.atom.str = s
	return n
}

func cons(a, b *Node) *Node {
	return &Node{list: List{car: a, cdr: b}}
}

func main() {
	var l *Node
	l = cons(atom("a"), cons(atom("b"), nil))
	fmt.Println(l.isAtom, l.String())
	fmt.Println(l)
	fmt.Printf("%v %s\n", l.list.car, l.list.cdr)
}
