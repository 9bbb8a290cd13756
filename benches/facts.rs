//! Benchmark of the facts stage (filled in by its issue).

fn main() {
    divan::main();
}
