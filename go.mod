module github.com/slantlab/slant

go 1.26

require (
	github.com/jdkato/prose/v2 v2.0.0
	github.com/kljensen/snowball v0.10.0
	gopkg.in/neurosnap/sentences.v1 v1.0.7
)

require (
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)
