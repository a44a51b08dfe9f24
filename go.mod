module github.com/bizenv/bizenv

go 1.22

require (
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.22.0
)

require (
	github.com/shopspring/decimal v1.6.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
