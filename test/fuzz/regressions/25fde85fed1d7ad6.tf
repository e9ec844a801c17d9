b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}

        security_context {
          run_as_user     = 0
          run_as_non_root = true
        }
