# The two commands of Relais. Everything else is CMake and CTest.
#
#   make demo    install what is missing, build, bring the lab up, open the console on it
#   make check   install what is missing, build, run the whole test suite
#
# BUILD selects the build directory; CI=true turns warnings into errors.

BUILD ?= build
CMAKE_FLAGS ?=
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
ifneq ($(CI),)
CMAKE_FLAGS += -DRELAIS_WERROR=ON
endif

.PHONY: demo check build deps

deps:
	installer/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)
	cmake --build $(BUILD)

demo: build
	tests/lab/demo $(BUILD)

# The lab's guard routes first: nothing aimed at a lab address may leave the
# machine, even from a test that runs while the lab is down.
check: build
	$(SUDO) tests/lab/labctl guard
	ctest --test-dir $(BUILD) --output-on-failure --timeout 900
