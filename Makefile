# `make`: set up and build the example workspace into output/.
# `make test`: set up and run all tests.
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: all setup build test bench clean

all: build

setup:
	./scripts/setup.sh

build: setup
	cargo build --release
	./target/release/dossier build

test:
	./scripts/setup.sh --test
	cargo test --all-targets

clean:
	rm -rf output
