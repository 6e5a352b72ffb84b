// The pipeline board: drag a card onto another stage's column to move the application.
// The drop posts to the same move endpoint as the card's → button, with the page's CSRF
// token, and gets the new board back as htmx would: the same rules apply and the candidate
// gets the same message. The → button stays as the keyboard way. Listeners sit on the
// document because every move replaces the board.
(() => {
  let dragged = null;

  // Only `to` is sent: the card sits inside the decision form, whose fields are not ours.
  async function move(card, stage) {
    const status = document.getElementById("board-status");
    const body = new FormData();
    body.append("to", stage);
    const response = await fetch(card.dataset.moveUrl, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: {
        "X-CSRFToken": document.querySelector("input[name=csrfmiddlewaretoken]").value,
        "HX-Request": "true",
      },
    });
    if (!response.ok) {
      // 409: the move service refused (its message, rendered by the server); anything else
      // (signed out, the application gone): reload and let the page say what happened.
      if (response.status === 409) status.innerHTML = await response.text();
      else window.location.reload();
      return;
    }
    const html = await response.text();
    status.textContent = "";
    const board = document.getElementById("board");
    board.outerHTML = html;
    window.htmx.process(document.getElementById("board"));
  }

  const columnAt = (target) => target.closest && target.closest("[data-board] .column[data-stage]");

  document.addEventListener("dragstart", (event) => {
    const card = event.target.closest && event.target.closest(".cardlet[data-move-url]");
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.moveUrl);
  });

  document.addEventListener("dragend", () => {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    document.querySelectorAll(".column.drop-target").forEach((c) => c.classList.remove("drop-target"));
  });

  document.addEventListener("dragover", (event) => {
    const column = columnAt(event.target);
    if (!dragged || !column || column.dataset.stage === dragged.dataset.stage) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    document.querySelectorAll(".column.drop-target").forEach((c) => {
      if (c !== column) c.classList.remove("drop-target");
    });
    column.classList.add("drop-target");
  });

  document.addEventListener("drop", (event) => {
    const column = columnAt(event.target);
    if (!dragged || !column || column.dataset.stage === dragged.dataset.stage) return;
    event.preventDefault();
    column.classList.remove("drop-target");
    move(dragged, column.dataset.stage);
  });
})();
