// Values of types declared without methods (type Celsius float64, type IDs
// []int, type Handler func(int) int) held in interfaces keep their type:
// %T, comparisons, value and type switches, assertions, reflect.DeepEqual.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type Celsius float64
type Code int
type IDs []int
type Names map[string]int
type Handler func(int) int
type Word string
type I0 interface{}

type Pair struct {
	Key string
	Val any
}

func describe(v any) string {
	switch x := v.(type) {
	case Celsius:
		return fmt.Sprintf("celsius %.1f", float64(x))
	case float64:
		return fmt.Sprintf("float64 %.1f", x)
	case Code:
		return fmt.Sprintf("code %d", int(x))
	case int:
		return fmt.Sprintf("int %d", x)
	case IDs:
		return fmt.Sprintf("ids %d", len(x))
	case []int:
		return fmt.Sprintf("ints %d", len(x))
	case Handler:
		return fmt.Sprintf("handler %d", x(2))
	case Word:
		return "word " + strings.ToUpper(string(x))
	}
	return fmt.Sprintf("other %T", v)
}

func main() {
	values := []any{Celsius(21.5), 21.5, Code(7), 7, IDs{1, 2}, []int{3}, Handler(func(i int) int { return i * 10 }), Word("go"), "go", Names{"a": 1}}
	for _, v := range values {
		fmt.Printf("%-10T %s\n", v, describe(v))
	}

	var a any = Celsius(3)
	_, isFloat := a.(float64)
	c, isCelsius := a.(Celsius)
	fmt.Println(isFloat, c, isCelsius)
	fmt.Println(a == any(3.0), a == any(Celsius(3)), a == Celsius(3), a != Celsius(4))

	var y any = 1.0
	switch y {
	case Celsius(1):
		fmt.Println("celsius")
	case 1.0:
		fmt.Println("float64")
	}
	switch a {
	case 3.0:
		fmt.Println("float64")
	case Celsius(3):
		fmt.Println("celsius")
	}

	// an interface declared empty holds the value as it was when assigned
	var ia, ib I0
	i := Code(1)
	ia = i
	ib = i
	i = 2
	ia = i
	fmt.Println(ia, ib, ia == ib)

	// reflect.DeepEqual compares what the interfaces hold, with their types
	var x, z any = Code(1), Code(1)
	fmt.Println(reflect.DeepEqual(x, z), reflect.DeepEqual(x, 1), reflect.DeepEqual(IDs{1}, IDs{1}))
	fmt.Println(reflect.DeepEqual([]any{Code(1), Word("a")}, []any{Code(1), Word("a")}), reflect.DeepEqual([]any{Code(1)}, []any{1}))
	fmt.Println(reflect.DeepEqual(Pair{"k", Celsius(1)}, Pair{"k", Celsius(1)}), reflect.DeepEqual(Pair{"k", Celsius(1)}, Pair{"k", 1.0}))

	// counting values by their dynamic type
	counts := map[string]int{}
	for _, v := range values {
		counts[fmt.Sprintf("%T", v)]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)

	h := values[6].(Handler)
	fmt.Println(h(5), values[6].(Handler)(6))
}
