.class Lcom/m/MainActivity$1;
.super Ljava/lang/Object;
.implements Landroid/view/View$OnClickListener;

.method constructor <init>(Lcom/m/MainActivity;)V
    .registers 2
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public onClick(Landroid/view/View;)V
    .registers 2
    invoke-static {}, Lcom/m/Sms;->send()V
    return-void
.end method
