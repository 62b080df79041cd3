// Slice and map types declared over a type with String or MarshalJSON
// (type Temps []Celsius) print and marshal their elements by those
// methods: directly, held in an interface, in a struct field, in json.
package main

import (
	"encoding/json"
	"fmt"
	"sort"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Temps []Celsius
type ByCity map[string]Celsius
type Week [3]Celsius

type Level int

func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(fmt.Sprintf("L%d", int(l))) }

type Levels []Level
type LevelsByName map[string]Level

type Report struct {
	T    Temps
	Name string
}

type Doc struct {
	L  Levels       `json:"l"`
	BN LevelsByName `json:"bn"`
}

func main() {
	t := Temps{21.5, 19}
	fmt.Println(t, len(t))
	var ta any = t
	fmt.Printf("%T %v\n", ta, ta)
	fmt.Println(ByCity{"gent": 12}, Week{1, 2, 3})
	fmt.Println([]any{t, ByCity{"x": 1}})
	fmt.Println(Report{t, "r"})
	fmt.Printf("%+v\n", []Report{{Temps{5}, "x"}})
	sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
	fmt.Println(t)

	b, _ := json.Marshal(Levels{1, 2})
	fmt.Println(string(b))
	var la any = Levels{3}
	b, _ = json.Marshal(la)
	fmt.Println(string(b))
	b, _ = json.Marshal(Doc{Levels{1}, LevelsByName{"x": 2}})
	fmt.Println(string(b))
}
