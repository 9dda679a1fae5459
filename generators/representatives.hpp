// The value that stands for an equivalence class in partition cases.
//
// A representative is drawn deterministically from (seed, request, input, class), so a
// class has the same representative in every case of a request, and another seed may pick
// another member without changing which cases exist.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

#include "suites/model/input.hpp"
#include "suites/model/value.hpp"

namespace glassbox::generators {

// A member of `cls`: one of its listed values if it has any, else a value drawn uniformly
// from its range, with open ends closed at a sensible distance (int 1000, number 1000
// rounded to the step, date 365 days, string 15 characters beyond the closed end). Long
// string classes are cut to 64 characters above their shortest length: a representative
// stays readable, and long strings are what boundary analysis is for.
//
// When classes overlap, Input::classify may name another class for a draw; a few draws
// are tried to find one classify agrees with, else the first draw is kept.
Value representative(const suite::Input& input, const suite::InputClass& cls, std::uint64_t seed,
                     std::string_view request);

}  // namespace glassbox::generators
