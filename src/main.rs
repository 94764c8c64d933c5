fn main() {
    println!("masterplan");
}
