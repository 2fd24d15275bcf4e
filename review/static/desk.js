// Keyboard shortcuts for working the queue (no other script on the desk):
//   n        the next item to review (not while typing in a box)
//   Ctrl+Enter in a textbox: save it ("Lưu")
document.addEventListener("keydown", function (event) {
  var target = event.target;
  var typing = target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT");
  if (typing && event.key === "Enter" && (event.ctrlKey || event.metaKey) && target.form) {
    event.preventDefault();
    var save = target.form.querySelector("button[value=save]");
    if (save) { target.form.requestSubmit(save); }
    return;
  }
  if (!typing && event.key === "n" && !event.ctrlKey && !event.metaKey && !event.altKey) {
    var next = document.getElementById("next-link");
    if (next) { window.location.href = next.href; }
  }
});
