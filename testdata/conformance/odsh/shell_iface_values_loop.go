// Values of declared types other than structs (type Dog string) put into
// an interface declared in the shell in a loop each keep their own value:
// passed to a function taking the interface, appended, stored in a map,
// assigned to a variable of it (every one was the last: c c c, y y q q),
// and an element or a call's result of such an interface compared with a
// value (all[0] == Dog("rex") answered false).
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Animal interface {
	Name() string
	Sound() string
}

type Dog string
type Cat struct{ name string }

func (d Dog) Name() string   { return string(d) }
func (d Dog) Sound() string  { return "woof" }
func (c *Cat) Name() string  { return c.name }
func (c *Cat) Sound() string { return "meow" }

type Zoo struct {
	Animals []Animal
	Star    Animal
	ByName  map[string]Animal
}

func (z *Zoo) Add(a Animal) {
	z.Animals = append(z.Animals, a)
	if z.ByName == nil {
		z.ByName = map[string]Animal{}
	}
	z.ByName[a.Name()] = a
	if z.Star == nil {
		z.Star = a
	}
}

func main() {
	loops()
	var z Zoo
	for _, n := range []string{"rex", "fido"} {
		z.Add(Dog(n))
	}
	z.Add(&Cat{"tom"})
	for i := 0; i < 2; i++ {
		z.Add(Dog(fmt.Sprint("pup", i)))
	}
	var names []string
	for _, a := range z.Animals {
		names = append(names, a.Name()+":"+a.Sound())
	}
	fmt.Println(strings.Join(names, ","))
	fmt.Println(z.Star.Name(), z.ByName["tom"].Sound(), len(z.ByName))
	keys := make([]string, 0)
	for k, v := range z.ByName {
		keys = append(keys, k+"="+v.Name())
	}
	sort.Strings(keys)
	fmt.Println(keys)
	ch := make(chan Animal, 5)
	for _, a := range z.Animals {
		ch <- a
	}
	close(ch)
	for a := range ch {
		fmt.Print(a.Name(), " ")
	}
	fmt.Println()
	fmt.Println(z.Animals[0] == Dog("rex"), z.Animals[1] == z.ByName["fido"], z.Star == Animal(Dog("rex")))
	if d, ok := z.Star.(Dog); ok {
		fmt.Println("star is dog", d)
	}
	fmt.Printf("%v %T\n", z.Animals[0], z.Animals[0])
	fmt.Println(z.Animals[:2])
}

var all []Animal

func add(a Animal) { all = append(all, a) }

func pick(i int) Animal { return all[i] }

func loops() {
	for _, n := range []string{"a", "b", "c"} {
		add(Dog(n))
	}
	var direct []Animal
	for _, n := range []string{"x", "y"} {
		direct = append(direct, Dog(n))
	}
	for _, n := range []string{"p", "q"} {
		var a Animal = Dog(n)
		direct = append(direct, a)
	}
	m := map[int]Animal{}
	for i := 0; i < 2; i++ {
		m[i] = Dog(fmt.Sprint("m", i))
	}
	for _, a := range append(append(all, direct...), m[0], m[1]) {
		fmt.Print(a.Name(), " ")
	}
	fmt.Println()
	fmt.Println(all[0] == Dog("a"), pick(1) == Dog("b"), pick(2) != Dog("c"), all[0] == all[1], m[1] == Animal(Dog("m1")))
}
