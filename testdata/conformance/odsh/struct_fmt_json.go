// Structs with unexported fields under %v and %+v, and encoding/json
// (unexported fields are left out).
package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	City string `json:"city"`
	zip  string
}

type Partner struct {
	ID      int      `json:"id"`
	Name    string   `json:"name"`
	Email   string   `json:"email,omitempty"`
	Tags    []string `json:"tags"`
	Address Address  `json:"address"`
	Parent  *Partner `json:"parent,omitempty"`
	secret  string
	score   float64
}

func main() {
	p := Partner{ID: 7, Name: "Ann", Tags: []string{"vip"}, Address: Address{"Gent", "9000"}, secret: "s", score: 1.5}
	fmt.Printf("%v\n%+v\n", p, p)
	fmt.Printf("%v %+v\n", p.Address, p.Address)
	data, err := json.Marshal(p)
	fmt.Println(string(data), err)
	data, _ = json.MarshalIndent(Partner{ID: 1}, "", "  ")
	fmt.Println(string(data))
	var q Partner
	err = json.Unmarshal([]byte(`{"id":2,"name":"Bob","tags":["a","b"],"secret":"x","address":{"city":"Lyon"}}`), &q)
	fmt.Printf("%+v %v %q\n", q, err, q.secret)
	fmt.Printf("%+v %v\n", q.Address, q.Parent == nil)
	var anyv map[string]any
	_ = json.Unmarshal(data, &anyv)
	fmt.Println(anyv)
	fmt.Println(json.Unmarshal([]byte(`{"id":"x"}`), &q))
}
