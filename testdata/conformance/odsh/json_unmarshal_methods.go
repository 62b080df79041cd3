// encoding/json calls UnmarshalJSON and UnmarshalText of types declared in the program: struct fields, pointers, slices of structs, map values and keys, the top-level target, through json.Unmarshal and a Decoder; errors and null as Go's.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Level int

func (l *Level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 1
	case "high":
		*l = 2
	default:
		return fmt.Errorf("bad level %q", b)
	}
	return nil
}

type Money int64

func (m *Money) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	var units, cents int64
	fmt.Sscanf(s, "%d.%d", &units, &cents)
	*m = Money(units*100 + cents)
	return nil
}

type Item struct {
	Name  string `json:"name"`
	Price Money  `json:"price"`
	Level Level  `json:"level"`
	Opt   *Money `json:"opt"`
}

func main() {
	var it Item
	err := json.Unmarshal([]byte(`{"name":"pen","price":"2.50","level":"high","opt":"0.05"}`), &it)
	fmt.Println(it.Name, it.Price, it.Level, *it.Opt, err)
	var items []Item
	err = json.Unmarshal([]byte(`[{"name":"a","price":"1.01"},{"name":"b","level":"low"}]`), &items)
	fmt.Println(len(items), items[0].Price, items[1].Level, items[0].Opt == nil, err)
	var m map[string]Level
	err = json.Unmarshal([]byte(`{"a":"low","b":"high"}`), &m)
	fmt.Println(m["a"], m["b"], err)
	var lv Level
	err = json.Unmarshal([]byte(`"high"`), &lv)
	fmt.Println(lv, err)
	var byLevel map[Level]int
	err = json.Unmarshal([]byte(`{"low":1,"high":2}`), &byLevel)
	fmt.Println(byLevel[1], byLevel[2], err)
	dec := json.NewDecoder(strings.NewReader(`{"price":"9.99"} {"price":"1.00","level":"mid"}`))
	for {
		var it Item
		if err := dec.Decode(&it); err != nil {
			fmt.Println("stop:", err)
			break
		}
		fmt.Println(it.Price)
	}
	err = json.Unmarshal([]byte(`{"level":"mid"}`), &it)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"level":3}`), &it)
	fmt.Println(err)
	it = Item{Name: "keep", Price: 5}
	err = json.Unmarshal([]byte(`{"level":"low","price":null}`), &it)
	fmt.Println(it.Name, it.Price, it.Level, err)
}
