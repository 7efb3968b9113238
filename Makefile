# Passerelle: the two commands are `make up` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
MVN := source infra/bin/jdk.sh && ./mvnw -B -ntp

.PHONY: help build up down demo test status bench

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

build: ## build every module's jar (skips tests)
	@$(MVN) -q package -DskipTests

test: ## run every test: unit, integration (real PostgreSQL + RabbitMQ) and end-to-end (adds Keycloak, the stack and headless Chromium)
	@npm ci --prefix e2e --no-audit --no-fund --silent # axe-core, the browser tests' accessibility check
	@$(MVN) verify

up: ## start Keycloak, the four services and the gateway on this machine (builds what is missing; TRACING=1 adds Zipkin)
	@PASSERELLE_TRACING=$(if $(filter 1 true yes,$(TRACING)),1,$${PASSERELLE_TRACING:-0}) bash infra/bin/stack up

down: ## stop what `make up` started
	@bash infra/bin/stack down

status: ## what runs, with memory
	@bash infra/bin/stack status

demo: ## drive the golden path on the running stack and print the change, deployment and incident (SOURCE=gitlab: from GitLab)
	@PASSERELLE_DEMO_SOURCE=$(or $(SOURCE),github) python3 infra/bin/demo.py

bench: ## measure the golden path on the running stack against RabbitMQ's and PostgreSQL's own limits
	@bash infra/bin/bench
