b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
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

  metadata {
    name        = "dev"
    annotations = {}
  }