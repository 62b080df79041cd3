package main

// json.Encoder and json.Decoder promote the fields of embedded structs.

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type Base struct {
	ID   int
	Name string
}

type Partner struct {
	Base
	Email string `json:"email"`
}

func main() {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	p := Partner{Base{1, "Azure"}, "a@x.com"}
	if err := enc.Encode(p); err != nil {
		fmt.Println(err)
	}
	json.NewEncoder(os.Stdout).Encode([]Partner{p})
	dec := json.NewDecoder(strings.NewReader(`{"ID":2,"Name":"Deco","email":"d@x.com"} {"ID":3}`))
	var q Partner
	for dec.More() {
		if err := dec.Decode(&q); err != nil {
			fmt.Println(err)
		}
		fmt.Printf("%+v\n", q)
	}
}
