/* The error summary's links put the cursor in the field they name (a link to an id only scrolls to it). */
document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.field-link') : null;
    if (!link) {
        return;
    }
    var field = document.getElementById(decodeURIComponent(link.getAttribute('href').substring(1)));
    if (field) {
        event.preventDefault();
        field.scrollIntoView({block: 'center'});
        field.focus();
    }
});

