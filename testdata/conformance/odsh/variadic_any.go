// Helpers with variadic options, as data scripts write them: a []any
// passed as one element, or spread with ...
package main

import "fmt"

func mk(name string, kv ...any) string {
	s := name
	for i, v := range kv {
		s += fmt.Sprintf(" [%d]%T=%v", i, v, v)
	}
	return s
}

func pairs(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	opts := []any{"city", "Gent", "zip", 9000}
	fmt.Println(mk("a"))
	fmt.Println(mk("b", opts))
	fmt.Println(mk("c", opts...))
	fmt.Println(mk("d", nil))
	fmt.Println(mk("e", 1, "x", 2.5, true))
	fmt.Println(pairs(opts...))
	fmt.Println(len(pairs()))
	nums := []int{1, 2, 3}
	fmt.Println(sum(), sum(nums...), sum(4, 5))
	var none []any
	fmt.Println(mk("f", none...), mk("g", none))
}
